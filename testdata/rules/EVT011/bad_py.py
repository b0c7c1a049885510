import base64
import logging

logger = logging.getLogger()


def handler(event, context):
    for record in event["Records"]:
        try:
            process(base64.b64decode(record["kinesis"]["data"]))
        except Exception:  # expect: EVT011
            logger.exception("failed")


def process(data):
    return data
