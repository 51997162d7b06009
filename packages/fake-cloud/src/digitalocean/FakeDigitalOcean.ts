import { FakeProvider, FakeRequest, FakeResponse, jsonResponse } from '../http';

export interface FakeDigitalOceanOptions {}

/** Not served yet: every request answers 501. */
export class FakeDigitalOcean implements FakeProvider {
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(_options: FakeDigitalOceanOptions = {}) {}

  handle(request: FakeRequest): FakeResponse {
    return jsonResponse(501, {
      error: `The fake cloud does not serve digitalocean ${request.path} yet`,
    });
  }
}
