import os

import boto3

s3 = boto3.client("s3")
OUT = os.environ["OUT_BUCKET"]


def handler(event, context):
    for record in event["Records"]:
        s3.put_object(Bucket=OUT, Key="thumbs/" + record["s3"]["object"]["key"], Body=b"x")  # expect: EVT012
