"""Sends a confirmation email for each queued order."""
import json
import logging
import os

import boto3

logger = logging.getLogger()
ses = boto3.client("ses")


def handler(event, context):
    for record in event["Records"]:
        try:
            order = json.loads(record["body"])
            ses.send_email(
                Source=os.environ["SENDER"],
                Destination={"ToAddresses": [order["email"]]},
                Message={"Subject": {"Data": "Order received"}, "Body": {"Text": {"Data": order["id"]}}},
            )
        except Exception:
            # Swallowed: the message is deleted and the customer never hears back.
            logger.exception("could not confirm order")
