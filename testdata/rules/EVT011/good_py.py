import json
import logging

logger = logging.getLogger()


def handler(event, context):
    for record in event["Records"]:
        try:
            json.loads(record["body"])
        except ValueError:
            logger.exception("bad message")
            raise
