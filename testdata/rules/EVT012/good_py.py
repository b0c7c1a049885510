import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    for record in event["Records"]:
        s3.put_object(Bucket=os.environ["OUT_BUCKET"], Key="thumbs/" + record["s3"]["object"]["key"], Body=b"x")
