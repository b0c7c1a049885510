import json
import os

import boto3

sns = boto3.client("sns")


def process_order(event, context):
    detail = event["detail"]
    # event_type goes in the attributes (BillingSubscription filters on them) and in
    # the body (ShippingSubscription filters on the body, and so do the workers' filters).
    sns.publish(
        TopicArn=os.environ["ORDER_TOPIC_ARN"],
        Message=json.dumps({**detail, "event_type": "order_placed"}),
        MessageAttributes={"event_type": {"DataType": "String", "StringValue": "order_placed"}},
    )


def _each_record(event, action):
    # FunctionResponseTypes: [ReportBatchItemFailures]: only the failed messages come back.
    failures = []
    for record in event["Records"]:
        try:
            action(json.loads(record["body"]))
        except Exception:
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def bill(event, context):
    return _each_record(event, lambda order: print("bill", order))


def ship(event, context):
    return _each_record(event, lambda order: print("ship", order))


def index_invoice(event, context):
    # Invoked asynchronously by S3: an exception sends the event to InvoiceIndexerFailures.
    for record in event["Records"]:
        print("index", record["s3"]["object"]["key"])
