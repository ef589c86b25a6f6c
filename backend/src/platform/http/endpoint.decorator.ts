import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from './api-problems.decorator';

// The route and the documentation of a controller method in one decorator, one per kind of
// operation, so that each says only what differs: the path (relative to the controller's, `''` for
// the controller's own), the summary, the success body and the problems. The operation id stays the
// method's name.

/** What the OpenAPI document says about an operation besides its route and parameters. */
export interface EndpointDoc {
  summary: string;
  /** What it does beyond the summary: who may call it, what it publishes, paging, its body. */
  description: string;
  /** The problem+json statuses it can answer (see ApiProblems). */
  problems: number[];
}

/** An operation that answers with a body: the DTO of that body. */
export interface EndpointWithBodyDoc extends EndpointDoc {
  returns: Type<unknown>;
}

const documented = ({ summary, description, problems }: EndpointDoc) => [
  ApiOperation({ summary, description }),
  ApiProblems(...problems),
];

/** GET: 200 with `returns`. */
export function GetEndpoint(path: string, doc: EndpointWithBodyDoc) {
  return applyDecorators(Get(path), ...documented(doc), ApiOkResponse({ type: doc.returns }));
}

/** POST that creates a resource: 201 with `returns`. */
export function CreateEndpoint(path: string, doc: EndpointWithBodyDoc) {
  return applyDecorators(Post(path), ...documented(doc), ApiCreatedResponse({ type: doc.returns }));
}

/** POST of an action on an existing resource (or a dry run): 200 with `returns`. */
export function ActionEndpoint(path: string, doc: EndpointWithBodyDoc) {
  return applyDecorators(Post(path), HttpCode(200), ...documented(doc), ApiOkResponse({ type: doc.returns }));
}

/** PATCH: 200 with `returns`, the changed resource. */
export function PatchEndpoint(path: string, doc: EndpointWithBodyDoc) {
  return applyDecorators(Patch(path), ...documented(doc), ApiOkResponse({ type: doc.returns }));
}

/** PUT: 200 with `returns`, the resource as replaced. */
export function PutEndpoint(path: string, doc: EndpointWithBodyDoc) {
  return applyDecorators(Put(path), ...documented(doc), ApiOkResponse({ type: doc.returns }));
}

/** DELETE: 204 without a body. */
export function DeleteEndpoint(path: string, doc: EndpointDoc) {
  return applyDecorators(Delete(path), HttpCode(204), ...documented(doc), ApiNoContentResponse());
}

/** POST of an action that answers nothing: 204 without a body. */
export function SignalEndpoint(path: string, doc: EndpointDoc) {
  return applyDecorators(Post(path), HttpCode(204), ...documented(doc), ApiNoContentResponse());
}
