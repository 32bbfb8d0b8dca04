import type { Option } from './reply.js';

/** Offered at first contact and in a welcome; anyone elsewhere types theirs with /attune settings tz <zone>. */
export const COMMON_ZONES: Option[] = [
  { label: 'Los Angeles, Vancouver (Pacific)', value: 'America/Los_Angeles' },
  { label: 'Denver (Mountain)', value: 'America/Denver' },
  { label: 'Chicago, Mexico City (Central)', value: 'America/Chicago' },
  { label: 'New York, Toronto (Eastern)', value: 'America/New_York' },
  { label: 'Sao Paulo', value: 'America/Sao_Paulo' },
  { label: 'London, Dublin, Lisbon', value: 'Europe/London' },
  { label: 'Berlin, Paris, Madrid, Lagos', value: 'Europe/Berlin' },
  { label: 'Athens, Helsinki, Cairo', value: 'Europe/Athens' },
  { label: 'India', value: 'Asia/Kolkata' },
  { label: 'Singapore, Manila, Perth', value: 'Asia/Singapore' },
  { label: 'Tokyo, Seoul', value: 'Asia/Tokyo' },
  { label: 'Sydney, Melbourne', value: 'Australia/Sydney' },
  { label: 'UTC', value: 'UTC' },
];
