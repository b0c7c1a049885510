import os

import boto3

s3 = boto3.client("s3")
_sqs = None


def sqs():
    global _sqs
    if _sqs is None:
        _sqs = boto3.client("sqs")
    return _sqs


def handler(event, context):
    s3.get_object(Bucket=os.environ["BUCKET"], Key=event["key"])
    sqs().send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody="x")
