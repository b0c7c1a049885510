import json
import os

import boto3

sqs = boto3.client("sqs")


def api_handler(event, context):
    if event.get("httpMethod") == "POST":
        sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=event.get("body") or "{}")
        return {"statusCode": 202, "body": json.dumps({"queued": True})}
    return {"statusCode": 200, "body": json.dumps({"id": event["pathParameters"]["id"]})}


def worker_handler(event, context):
    for record in event["Records"]:
        print(json.loads(record["body"]))


def report_handler(event, context):
    print("report")
