import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, Inject, Injectable } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config';
import { AppError } from '../errors';

export const OPERATOR_USER = 'operator';

/** True when the header carries the operators' token, as Bearer or as Basic operator:<token>. */
export function isOperator(authorization: string | undefined, token: string | undefined): boolean {
  if (!token || !authorization) return false;
  const [scheme, value = ''] = authorization.split(' ');
  let given = '';
  if (scheme === 'Bearer') given = value;
  if (scheme === 'Basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    if (decoded.startsWith(`${OPERATOR_USER}:`)) given = decoded.slice(OPERATOR_USER.length + 1);
  }
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Express middleware for operator pages: a browser is asked for Basic credentials. */
export function operatorMiddleware(token: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isOperator(req.header('authorization'), token)) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="Gaung operators", charset="UTF-8"');
    res.status(401).end();
  };
}

/** Guard for operator endpoints (Prometheus scrapes with a bearer token). 404 when no token is configured. */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.OPERATOR_TOKEN) throw AppError.notFound({ id: 'Alamat', en: 'Route' });
    const request = context.switchToHttp().getRequest<Request>();
    if (!isOperator(request.header('authorization'), this.config.OPERATOR_TOKEN)) throw AppError.unauthorized();
    return true;
  }
}
