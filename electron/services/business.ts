// The complete record (create, read, edit, archive) lives in business-record.ts; re-exported here so the
// business service keeps one entry point.
export { createBusiness, getBusiness, localDate } from './business-record';
// The list and its search box live in business-search.ts.
