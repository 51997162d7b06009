import { deniedPolicy, readFault, serviceError } from './faults';

describe('OpenStack error bodies', () => {
  it.each([
    [
      'Nova/Cinder',
      403,
      `{"forbidden": {"message": "Policy doesn't allow os_compute_api:servers:detail to be performed.", "code": 403}}`,
      {
        code: 'forbidden',
        message:
          "Policy doesn't allow os_compute_api:servers:detail to be performed.",
      },
    ],
    [
      'Keystone',
      401,
      '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}',
      {
        code: 'Unauthorized',
        message: 'The request you have made requires authentication.',
      },
    ],
    [
      'Neutron',
      403,
      '{"NeutronError": {"type": "PolicyNotAuthorized", "message": "rule:get_port is disallowed by policy", "detail": ""}}',
      {
        code: 'PolicyNotAuthorized',
        message: 'rule:get_port is disallowed by policy',
      },
    ],
    [
      'Octavia',
      403,
      '{"faultcode": "Client", "faultstring": "Policy does not allow this request to be performed.", "debuginfo": null}',
      {
        code: 'Client',
        message: 'Policy does not allow this request to be performed.',
      },
    ],
    [
      'Glance (JSON)',
      403,
      '{"message": "You are not authorized to complete get_images action.<br /><br />\\n\\n\\n", "code": "403 Forbidden", "title": "Forbidden"}',
      {
        code: 'Forbidden',
        message: 'You are not authorized to complete get_images action.',
      },
    ],
    [
      'Glance (text)',
      403,
      '403 Forbidden\n\nYou are not authorized to complete get_images action.\n\n   ',
      { message: 'You are not authorized to complete get_images action.' },
    ],
    ['an empty body', 502, '', { message: 'HTTP 502' }],
  ])('reads %s', (_name, status, text, expected) => {
    expect(readFault(status, text)).toEqual(expected);
  });

  it('finds the policy rule a denial names', () => {
    expect(
      deniedPolicy("Policy doesn't allow volume:get_all to be performed."),
    ).toBe('volume:get_all');
    expect(deniedPolicy('(rule:get_network) is disallowed by policy')).toBe(
      'get_network',
    );
    expect(
      deniedPolicy('You are not authorized to complete get_images action.'),
    ).toBe('get_images');
    expect(
      deniedPolicy('Policy does not allow this request to be performed.'),
    ).toBeUndefined();
  });

  it('turns 403 into a permission naming the policy, 401 into credentials, the rest into provider errors', () => {
    const policy = 'os_load-balancer_api:loadbalancer:get_all';
    expect(
      serviceError({
        status: 403,
        text: `{"forbidden": {"code": 403, "message": "Policy doesn't allow os_compute_api:servers:detail to be performed."}}`,
        service: 'Nova (compute)',
        policy: 'something else',
      }),
    ).toMatchObject({
      kind: 'permission',
      code: 'forbidden',
      permission: 'os_compute_api:servers:detail',
      message:
        "Nova (compute) answered 403: Policy doesn't allow os_compute_api:servers:detail to be performed.",
    });
    // Octavia does not name the rule: the call's own is given.
    expect(
      serviceError({
        status: 403,
        text: '{"faultcode": "Client", "faultstring": "Policy does not allow this request to be performed.", "debuginfo": null}',
        service: 'Octavia (load-balancer)',
        policy,
      }),
    ).toMatchObject({ kind: 'permission', permission: policy });
    expect(
      serviceError({
        status: 401,
        text: '',
        service: 'Glance (image)',
        policy,
      }),
    ).toMatchObject({ kind: 'credentials', code: 'HTTP401' });
    expect(
      serviceError({
        status: 500,
        text: '{"computeFault": {"code": 500, "message": "Unexpected API Error."}}',
        service: 'Nova (compute)',
        policy,
      }),
    ).toMatchObject({
      kind: 'provider',
      code: 'computeFault',
      message: 'Nova (compute) answered 500: Unexpected API Error.',
    });
  });
});
