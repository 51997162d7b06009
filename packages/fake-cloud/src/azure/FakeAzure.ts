import { FakeProvider, FakeRequest, FakeResponse, jsonResponse } from '../http';

export interface FakeAzureOptions {}

/** Not served yet: every request answers 501. */
export class FakeAzure implements FakeProvider {
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(_options: FakeAzureOptions = {}) {}

  handle(request: FakeRequest): FakeResponse {
    return jsonResponse(501, {
      error: `The fake cloud does not serve azure ${request.path} yet`,
    });
  }
}
