export { AllowList, parseAllowEntry, refusalOf } from './address-policy';
export { Egress } from './egress';
export { EgressModule } from './egress.module';
export { EgressRefusedError } from './guarded-lookup';
