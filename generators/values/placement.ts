// Where synthetic resources live: partition, region and account. Real
// partition/region pairs, so a value also makes sense to a real endpoint; the
// account is any 12 digits, the shape every ARN pattern of the contract asks for.
import fc from 'fast-check';

export interface Placement {
  partition: string;
  region: string;
  account: string;
}

/** The placement used when a caller gives none: the account number of AWS's own documentation examples. */
export const SYNTHETIC_PLACEMENT: Placement = { partition: 'aws', region: 'us-east-1', account: '123456789012' };

const PARTITION_REGIONS: ReadonlyArray<readonly [string, string]> = [
  ['aws', 'us-east-1'],
  ['aws', 'eu-west-3'],
  ['aws', 'ap-southeast-2'],
  ['aws-us-gov', 'us-gov-west-1'],
  ['aws-cn', 'cn-north-1'],
  ['aws-iso', 'us-iso-east-1'],
  ['aws-eusc', 'eusc-de-east-1'],
];

const ACCOUNT_DIGITS = SYNTHETIC_PLACEMENT.account.length;

/** Any placement: one of the partition/region pairs and a random account. */
export const placement = (): fc.Arbitrary<Placement> =>
  fc
    .tuple(fc.constantFrom(...PARTITION_REGIONS), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: ACCOUNT_DIGITS, maxLength: ACCOUNT_DIGITS }))
    .map(([[partition, region], account]) => ({ partition, region, account }));
