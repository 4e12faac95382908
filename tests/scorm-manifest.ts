// Shared by the unit and end-to-end tests of the LMS packages.
import { strFromU8 } from 'fflate';
import { validateXML } from 'xmllint-wasm';

/** Validates a manifest with libxml2 against the schemas packaged beside it; the errors, or none. */
export async function validateManifest(zip: Record<string, Uint8Array>, manifest: string): Promise<string[]> {
  // One schema that brings in every namespace the manifest uses, from the packaged files.
  const both = `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:both">
<xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
<xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/></xsd:schema>`;
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [both],
    preload: ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'].map((f) => ({ fileName: f, contents: strFromU8(zip[f]!) })),
  });
  return result.errors.map((e) => e.message);
}
