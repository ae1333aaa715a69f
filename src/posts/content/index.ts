export {
  hasIssues,
  validateTargets,
  validatorFrom,
  type ContentTarget,
  type ContentValidator,
  type PostContentInput,
  type TargetIssues,
} from './validate-targets';
