export { COMMON_ZONES } from '../../core/common-zones.js';
