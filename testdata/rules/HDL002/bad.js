exports.handler = async (event) => {
  if (event.detail-type === 'Object Created') { // expect: HDL002
    return event.detail;
  }
  const e = event;
  return e.detail-type; // expect: HDL002
};
