exports.handler = async (event) => {
  for (const record of event.Records) {
    try {
      await handle(JSON.parse(record.body));
    } catch (err) { // expect: EVT011
      console.error('failed', err);
    }
  }
};

async function handle(message) {
  return message;
}
