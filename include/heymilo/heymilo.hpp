#pragma once
// The umbrella header: everything a receiver needs.
//
//   heymilo::Parser parser;
//   auto report = parser.parse_report_available(body);
//   if (!report) return reject(heymilo::to_string(report.error()));
//   auto& summary = report->agentic_data->web_interview_info->summary;

#include <heymilo/document.hpp>
#include <heymilo/error.hpp>
#include <heymilo/field.hpp>
#include <heymilo/json_writer.hpp>
#include <heymilo/parser.hpp>
#include <heymilo/payloads.hpp>
#include <heymilo/report.hpp>
#include <heymilo/version.hpp>
#include <heymilo/webhook.hpp>
