import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { allPages, blocks, queryCall, texts } from './queryTestClient';

const SES = { Version: '2010-12-01' };

describe('fake SES', () => {
  let fake: FakeCloud;
  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: {
        regions: ['us-east-1'],
        instancesPerRegion: 2,
        servicesPerRegion: 9,
      },
    });
  });
  afterAll(() => fake.close());

  it('pages identities by NextToken, and filters them by type', async () => {
    const bodies = await allPages(
      fake,
      'ses',
      { ...SES, Action: 'ListIdentities', MaxItems: '4' },
      { request: 'NextToken', response: 'NextToken' },
    );
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toContain(
      '<ListIdentitiesResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><ListIdentitiesResult><Identities><member>',
    );
    const identities = fake.aws.region('us-east-1').emailIdentities;
    expect(bodies.flatMap(b => texts(b, 'member'))).toEqual(
      identities.map(i => i.identity),
    );
    const domains = await queryCall(fake, 'ses', {
      ...SES,
      Action: 'ListIdentities',
      IdentityType: 'Domain',
    });
    expect(texts(domains.body, 'member')).toEqual(
      identities.filter(i => !i.identity.includes('@')).map(i => i.identity),
    );
  });

  it('answers verification attributes as a map, leaving unknown identities out', async () => {
    const identities = fake.aws.region('us-east-1').emailIdentities;
    const { status, body } = await queryCall(fake, 'ses', {
      ...SES,
      Action: 'GetIdentityVerificationAttributes',
      'Identities.member.1': identities[0].identity,
      'Identities.member.2': identities[3].identity,
      'Identities.member.3': 'nobody@example.org',
    });
    expect(status).toBe(200);
    const entries = blocks(body, 'entry');
    expect(entries.map(e => texts(e, 'key')[0])).toEqual([
      identities[0].identity,
      identities[3].identity,
    ]);
    expect(texts(entries[0], 'VerificationStatus')).toEqual(['Success']);
    expect(texts(entries[0], 'VerificationToken')).toEqual([
      identities[0].verificationToken,
    ]);
    expect(texts(entries[1], 'VerificationStatus')).toEqual(['Pending']);
    expect(texts(entries[1], 'VerificationToken')).toEqual([]);
  });

  it('refuses an unknown identity type', async () => {
    const { status, body } = await queryCall(fake, 'ses', {
      ...SES,
      Action: 'ListIdentities',
      IdentityType: 'Phone',
    });
    expect(status).toBe(400);
    expect(texts(body, 'Code')).toEqual(['ValidationError']);
  });
});
