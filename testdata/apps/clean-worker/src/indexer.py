def handler(event, context):
    # FunctionResponseTypes: [ReportBatchItemFailures]: Lambda retries from the first failed record.
    for record in event["Records"]:
        try:
            print("index", record["eventName"], record["dynamodb"]["Keys"])
        except Exception:
            return {"batchItemFailures": [{"itemIdentifier": record["dynamodb"]["SequenceNumber"]}]}
    return {"batchItemFailures": []}
