exports.handler = async (event) => {
  const total = event.detail.count - event.detail.used;
  if (event['detail-type'] === 'Object Created') return total;
  return event.time - 1;
};
