import { escapeXml } from '../xml';

/**
 * XML of AWS's REST-XML services (S3, CloudFront). Unlike EC2's `<item>`
 * lists, an array repeats its own element name, so both S3's flattened
 * lists (`<Contents>` after `<Contents>`) and CloudFront's wrapped ones
 * (`<Items><DistributionSummary>...`) are written as nested objects.
 */
export type RestXmlValue =
  | string
  | number
  | boolean
  | undefined
  | RestXmlNode
  | RestXmlValue[];

export type RestXmlNode = { [element: string]: RestXmlValue };

function element(name: string, value: RestXmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map(v => element(name, v)).join('');
  if (typeof value === 'object') return `<${name}>${restXml(value)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function restXml(node: RestXmlNode): string {
  return Object.entries(node)
    .map(([name, value]) => element(name, value))
    .join('');
}

export function restXmlDocument(
  root: string,
  xmlns: string,
  body: RestXmlNode,
) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${xmlns}">${restXml(
    body,
  )}</${root}>`;
}
