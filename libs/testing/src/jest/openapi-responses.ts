import { enableResponseValidation, takeResponseProblems } from '../openapi/response-recorder';

// Integration suites check every answer of the services they start against the OpenAPI document.
enableResponseValidation();

function failOnMismatches(): void {
  const problems = takeResponseProblems();
  if (problems.length > 0) {
    throw new Error(`answers the OpenAPI document does not describe:\n${problems.join('\n')}`);
  }
}

afterEach(failOnMismatches);
afterAll(failOnMismatches);
