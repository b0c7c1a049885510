import json
import os

import boto3

sns = boto3.client("sns")


def process_order(event, context):
    detail = event["detail"]
    sns.publish(
        TopicArn=os.environ["ORDER_TOPIC_ARN"],
        Message=json.dumps(detail),
        MessageAttributes={"event_type": {"DataType": "String", "StringValue": "order_placed"}},
    )


def bill(event, context):
    for record in event["Records"]:
        print("bill", record["messageId"])


def ship(event, context):
    for record in event["Records"]:
        print("ship", record["messageId"])


def index_invoice(event, context):
    for record in event["Records"]:
        print("index", record["s3"]["object"]["key"])
