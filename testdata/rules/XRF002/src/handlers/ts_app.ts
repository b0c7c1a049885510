export async function handler(event: unknown): Promise<{ statusCode: number }> {
  return { statusCode: 200 };
}
