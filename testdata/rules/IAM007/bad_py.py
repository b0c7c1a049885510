import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    # The statement names the bucket ARN, not its objects (bucket/*): GetObject is not granted.
    return s3.get_object(Bucket=os.environ["BUCKET"], Key=event["key"])  # expect: IAM007
