/** The API version (NL API Design Rules API-57): `info.version` of the contract and the API-Version header. */
export const API_VERSION = '1.0.0';
