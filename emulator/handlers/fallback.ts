// Last in the handler list: whatever no handler answered gets the JSON error AWS
// gives for a path it does not route. A request for an EventInvokeConfig path
// without a function name is a missing required member instead.
import { http } from 'msw';
import { direct, urlOf } from '../dispatch.ts';
import { errors } from '../errors.ts';
import { errorReply, toResponse, type Reply } from '../respond.ts';
import type { EmulatorRequest } from '../route.ts';

const EIC_WITHOUT_NAME = /\/2019-09-25\/functions\/\/event-invoke-config(\/list)?$/;

async function answer(request: EmulatorRequest): Promise<Reply> {
  const path = urlOf(request).pathname;
  if (EIC_WITHOUT_NAME.test(path)) {
    // The emulator's own text on purpose (not from specs/aws-texts.ts): "Member
    // must not be null", and `Value null` unquoted, are inferred from the
    // framework AWS validates with; no recording shows them and no rule pins them.
    return errorReply(errors.validation(["Value null at 'functionName' failed to satisfy constraint: Member must not be null"]));
  }
  return errorReply(errors.unknownOperation(request.method, path));
}

export const unknownOperation = () =>
  direct(
    http.all('*', async ({ request }) => toResponse(await answer(request))),
    undefined,
    '*',
    answer,
  );
