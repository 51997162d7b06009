import { FakeProvider, FakeRequest, FakeResponse, jsonResponse } from '../http';

export interface FakeOpenStackOptions {}

/** Not served yet: every request answers 501. */
export class FakeOpenStack implements FakeProvider {
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(_options: FakeOpenStackOptions = {}) {}

  handle(request: FakeRequest): FakeResponse {
    return jsonResponse(501, {
      error: `The fake cloud does not serve openstack ${request.path} yet`,
    });
  }
}
