def handler(event, context):
    # Kinesis with ReportBatchItemFailures: return at the first failure, Lambda retries from there.
    for record in event["Records"]:
        try:
            print(record["kinesis"]["data"])
        except Exception:
            return {"batchItemFailures": [{"itemIdentifier": record["kinesis"]["sequenceNumber"]}]}
    return {"batchItemFailures": []}
