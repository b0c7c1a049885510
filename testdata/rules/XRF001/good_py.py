import os

TABLE_NAME = os.environ["TABLE_NAME"]


def handler(event, context):
    return TABLE_NAME, os.environ.get("STAGE"), os.environ["AWS_REGION"], os.getenv("_HANDLER")


def other_handler(event, context):
    # Only the function whose Handler is other_handler needs this variable.
    return os.environ["ONLY_FOR_OTHER_HANDLER"]
