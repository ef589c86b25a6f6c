// The identity feature's public surface for other features (the landing page's demo button).
// Its pages (feature/login.page.ts, feature/signup.page.ts) are loaded lazily by app.routes.ts.
export { toAuthFormProblem } from './feature/auth-problem';
