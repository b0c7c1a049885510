import os

import boto3
import psycopg2


def handler(event, context):
    table = boto3.resource("dynamodb").Table(os.environ["TABLE"])  # expect: HDL001
    conn = psycopg2.connect(os.environ["DSN"])  # expect: HDL001
    sqs = make_client()
    table.put_item(Item={"id": "1"})
    sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody="x")
    conn.close()


def make_client():
    return boto3.client("sqs")  # expect: HDL001
