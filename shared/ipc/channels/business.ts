import { channel } from '../define';
import {
  businessCreateSchema,
  businessGetSchema,
  businessListSchema,
  type BusinessDetail,
  type BusinessPage,
} from '../../schemas/business';

export const businessChannels = {
  'business:create': channel<BusinessDetail>()(businessCreateSchema),
  'business:list': channel<BusinessPage>()(businessListSchema),
  'business:get': channel<BusinessDetail>()(businessGetSchema),
} as const;
