export { FALLBACK_RULES, PLATFORM_LABELS, validateWithFallbackRules, type Counting, type FallbackRule } from './fallback-rules';
export {
  hasIssues,
  validateTargets,
  validatorFrom,
  type ContentTarget,
  type ContentValidator,
  type PostContentInput,
  type TargetIssues,
} from './validate-targets';
