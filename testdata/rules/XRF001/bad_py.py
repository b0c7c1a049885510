import os

TABLE_NAME = os.environ["TABLE_NAME"]  # expect: XRF001
LEVEL = os.environ.get("LOG_LEVEL", "INFO")  # expect: XRF001


def handler(event, context):
    bucket = os.getenv("BUCKET")  # expect: XRF001
    return TABLE_NAME, LEVEL, bucket, os.environ["STAGE"], os.environ["AWS_LAMBDA_FUNCTION_NAME"]
