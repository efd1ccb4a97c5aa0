// The few typed errors Lantern throws; one handler (platform/error-pages.ts) turns each into a page or JSON.
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly title: string
  ) {
    super(message)
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'The page you asked for does not exist, or you do not have access to it.') {
    super(404, message, 'Page not found')
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Your role in this school does not allow this. Ask your senior mental health lead if you need it.') {
    super(403, message, 'You do not have permission')
  }
}

export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, message, 'That could not be done')
  }
}

export interface FieldError { field: string; message: string }

export class InvalidInputError extends HttpError {
  constructor(
    message: string,
    readonly fields: FieldError[] = []
  ) {
    super(422, message, 'There is a problem')
  }
}
