package dev.ddbstreams.runtime.interceptor;

import dev.ddbstreams.runtime.http.HttpRequest;
import dev.ddbstreams.runtime.http.HttpResponse;
import java.util.Optional;

/**
 * What an {@link ExecutionInterceptor} hook sees of its call, immutable; each hook's view adds what the call has got
 * by then. The modeled request and response are the generated {@code XxxRequest} / {@code XxxResponse} objects (null
 * for an operation without input or output).
 */
public interface Context {

    /** The service's id, such as {@code DynamoDB Streams}. */
    String serviceId();

    /** The operation's name in the model, such as {@code GetRecords}. */
    String operationName();

    /** What {@link ExecutionInterceptor#beforeExecution} sees. */
    interface BeforeExecution extends Context {
        /** The modeled request. */
        Object request();
    }

    /** What {@link ExecutionInterceptor#modifyRequest} sees. */
    interface ModifyRequest extends BeforeExecution {}

    /** What {@link ExecutionInterceptor#modifyHttpRequest} sees. */
    interface ModifyHttpRequest extends ModifyRequest {
        /** The HTTP request, not yet signed. */
        HttpRequest httpRequest();
    }

    /** What {@link ExecutionInterceptor#beforeTransmission} sees. */
    interface BeforeTransmission extends ModifyHttpRequest {
        /** The signed HTTP request of this attempt. */
        @Override
        HttpRequest httpRequest();

        /** 1 for the first attempt, 2 for the first retry, and so on. */
        int attemptNumber();
    }

    /** What {@link ExecutionInterceptor#afterTransmission} sees. */
    interface AfterTransmission extends BeforeTransmission {
        /** The status and headers of this attempt's response. */
        HttpResponse httpResponse();
    }

    /** What {@link ExecutionInterceptor#modifyResponse} sees. */
    interface ModifyResponse extends AfterTransmission {
        /** The modeled response. */
        Object response();
    }

    /** What {@link ExecutionInterceptor#afterExecution} sees. */
    interface AfterExecution extends ModifyResponse {}

    /** What {@link ExecutionInterceptor#onExecutionFailure} sees: whatever the call had got before it failed. */
    interface FailedExecution extends Context {
        /** The modeled request (as modified, when the failure came after {@code modifyRequest}). */
        Object request();

        /** The last HTTP request, when the call got that far. */
        Optional<HttpRequest> httpRequest();

        /** The last HTTP response's status and headers, when one arrived. */
        Optional<HttpResponse> httpResponse();

        /** The modeled response, when the failure came after it was read. */
        Optional<Object> response();

        /** The exception the caller gets. */
        Throwable exception();
    }
}
