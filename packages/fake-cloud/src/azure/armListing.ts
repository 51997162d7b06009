import { FakeRequest, FakeResponse, jsonResponse } from '../http';
import { ArmRoute } from './armCollections';
import { ArmResource, FakeAzureLocation, VM_SIZES } from './azureData';

/** An ARM error body: `{"error":{"code","message"}}`. */
export const armError = (
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) => jsonResponse(status, { error: { code, message } }, headers);

/** What `statusOnly=true` returns of a VM: its identity and instance view. */
function statusOnlyView(location: FakeAzureLocation, vm: ArmResource) {
  const power = location.powerStates.get(vm.id) ?? 'running';
  const provisioning = String(vm.properties.provisioningState).toLowerCase();
  return {
    id: vm.id,
    name: vm.name,
    type: vm.type,
    location: vm.location,
    properties: {
      instanceView: {
        statuses: [
          {
            code: `ProvisioningState/${provisioning}`,
            level: 'Info',
            displayStatus: `Provisioning ${provisioning}`,
            time: vm.properties.timeCreated,
          },
          {
            code: `PowerState/${power}`,
            level: 'Info',
            displayStatus: `VM ${power}`,
          },
        ],
      },
    },
  };
}

/**
 * One page of a collection, every location in turn: `value`, and a
 * `nextLink` (absolute, api-version kept, `$skiptoken` added) while more
 * remain.
 */
export function listPage(opts: {
  locations: FakeAzureLocation[];
  route: ArmRoute;
  request: FakeRequest;
  baseUrl: string;
  pageSize: number;
  statusOnly: boolean;
}): FakeResponse {
  const { route, request, pageSize } = opts;
  const group = route.resourceGroup?.toLowerCase();
  const all = opts.locations.flatMap(location =>
    location[route.key]
      .filter(
        r => !group || r.id.toLowerCase().includes(`/resourcegroups/${group}/`),
      )
      .map(r => (opts.statusOnly ? statusOnlyView(location, r) : r)),
  );
  const skipToken = request.query.get('$skiptoken');
  const offset = skipToken
    ? Number(
        /^offset:(\d+)$/.exec(
          Buffer.from(skipToken, 'base64url').toString(),
        )?.[1],
      )
    : 0;
  if (!Number.isInteger(offset)) {
    return armError(400, 'InvalidSkipToken', 'The skip token is invalid.');
  }
  const value = all.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  if (next >= all.length) return jsonResponse(200, { value });
  const query = new URLSearchParams(request.query);
  query.delete('$skiptoken');
  // ARM writes `$skiptoken` unescaped; the token itself is URL-safe.
  const token = Buffer.from(`offset:${next}`).toString('base64url');
  return jsonResponse(200, {
    value,
    nextLink: `${opts.baseUrl}${request.path}?${query}&$skiptoken=${token}`,
  });
}

/** `virtualMachineSizes.list(location)`: the sizes, in one page. */
export function vmSizesAnswer(
  locations: Map<string, FakeAzureLocation>,
  location: string,
): FakeResponse {
  if (!locations.has(location)) {
    return armError(
      400,
      'LocationNotAvailableForResourceType',
      `The provided location '${location}' is not available for resource type 'Microsoft.Compute/locations/vmSizes'. List of available regions for the resource type is '${[
        ...locations.keys(),
      ].join(',')}'.`,
    );
  }
  return jsonResponse(200, { value: VM_SIZES });
}
