/** Where the idle-resources job writes its findings and monthly-report reads them. */
export const FINDINGS_PREFIX = 'findings/';
