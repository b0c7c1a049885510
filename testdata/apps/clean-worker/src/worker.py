import json


def handler(event, context):
    # FunctionResponseTypes: [ReportBatchItemFailures]: only the failed messages come back.
    failures = []
    for record in event["Records"]:
        try:
            print("order", json.loads(record["body"]))
        except Exception:
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
