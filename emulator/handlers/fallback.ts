// Last in the handler list: whatever no handler answered gets the JSON error AWS
// gives for a path it does not route. A request for an EventInvokeConfig path
// without a function name is a missing required member instead.
import { http } from 'msw';
import { errors } from '../errors.ts';
import { errorResponse } from '../respond.ts';

const EIC_WITHOUT_NAME = /\/2019-09-25\/functions\/\/event-invoke-config(\/list)?$/;

export const unknownOperation = () =>
  http.all('*', ({ request }) => {
    const path = new URL(request.url).pathname;
    if (EIC_WITHOUT_NAME.test(path)) {
      return errorResponse(errors.validation(["Value null at 'functionName' failed to satisfy constraint: Member must not be null"]));
    }
    return errorResponse(errors.unknownOperation(request.method, path));
  });
