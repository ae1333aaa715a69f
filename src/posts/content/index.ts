export {
  hasIssues,
  validateTargets,
  validatorFrom,
  type ContentTarget,
  type ContentValidator,
  type PostContentInput,
  type TargetIssues,
} from './validate-targets';
export { checkContent, issueDetails, presentIssues, type AccountIssues, type DraftContent } from './target-issues';
