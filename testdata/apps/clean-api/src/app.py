import json
import os

import boto3

sqs = boto3.client("sqs")


def api_handler(event, context):
    if event.get("requestContext", {}).get("http", {}).get("method") == "POST":
        sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=event.get("body") or "{}")
        return {"statusCode": 202, "body": json.dumps({"queued": True})}
    return {"statusCode": 200, "body": json.dumps({"id": event["pathParameters"]["id"]})}


def worker_handler(event, context):
    # FunctionResponseTypes: [ReportBatchItemFailures]: only the failed messages come back.
    failures = []
    for record in event["Records"]:
        try:
            print(json.loads(record["body"]))
        except Exception:
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
