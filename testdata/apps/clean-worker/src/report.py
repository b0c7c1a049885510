def handler(event, context):
    # Invoked asynchronously by the schedule: an exception sends the event to ReportFailures.
    print("nightly report")
