import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export async function handler(event: { id: string }): Promise<void> {
  await ddb.send(new PutCommand({ TableName: process.env.TABLE, Item: { id: event.id } }));
}
