exports.handler = async (event) => {
  for (const record of event.Records ?? []) {
    try {
      JSON.parse(record);
    } catch (err) {
      console.error(err);
    }
  }
  return { statusCode: 200 };
};
