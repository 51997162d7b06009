import { FakeRequest, FakeResponse } from '../../http';
import { OpenStackServiceType } from '../faults';
import { FakeOpenStackRegion } from '../openstackTypes';

/** A call to a service, once its token and region are known. */
export interface ServiceCall {
  request: FakeRequest;
  region: FakeOpenStackRegion;
  /** The service's endpoint URL as the catalog gave it, for `*_links`. */
  endpointUrl: string;
  /** The path below the endpoint, e.g. `/servers/detail`. */
  path: string;
  /** The project the token is scoped to. */
  projectId: string;
}

/** One API call a service serves. */
export interface OpenStackRoute {
  /** Name for request counts and the failure switch, e.g. `servers`. */
  name: string;
  pattern: RegExp;
  /** The policy rule that guards the call (the `forbidden` switch names it). */
  policy?: string;
  handle(call: ServiceCall, match: RegExpExecArray): FakeResponse;
}

/** A service of the catalog, served below `/<interface>/<region>/<segment>`. */
export interface FakeOpenStackService {
  type: OpenStackServiceType;
  /** The catalog's service name, e.g. `nova`. */
  name: string;
  /** The URL segment after the region, e.g. `compute`. */
  segment: string;
  /** What the catalog URL adds after the segment, e.g. `/v2.1`. */
  endpointSuffix(projectId: string): string;
  routes: OpenStackRoute[];
}
